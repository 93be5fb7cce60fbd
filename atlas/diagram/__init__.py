"""The body diagram: view SVGs, regions, placements, channel paths, the widget."""
