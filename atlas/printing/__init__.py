"""Printed sheets: one render path for preview, printer and PDF.

Modules: `render` (the render path: devices, paper, PDF export), `sheets`
(point sheets and shared pieces), `plan`, `handout`, `book`, `diagram` (view
SVGs on paper), `panels` (each sheet's picture), `layout` (typesetting),
`fonts` (the bundled font), `dialogs` (Qt dialogs for the window) and `cli`
(`atlas print`, `atlas book`).
"""
