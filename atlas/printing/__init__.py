"""Printed sheets: one render path for preview, printer and PDF."""
