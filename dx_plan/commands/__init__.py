"""The commands of `dxplan`, one module per noun; `dx_plan.cli` puts them on the app.

They share their options and helpers (`options`, `run`); each command returns its exit
code, and `dx_plan.cli` is the one place that turns errors into exit codes.
"""
