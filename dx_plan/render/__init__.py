"""Renderers: turn the core's models into text, JSON, CSV, Markdown, HTML, XLSX …

Each renderer is a pure function from a model to a string (or bytes); writing it
to stdout or a file is the CLI's job (see `dx_plan.output`).
"""
