"""Acupoint Atlas: a desktop acupoint atlas for students, practitioners and teachers."""

__version__ = "0.1.0"
