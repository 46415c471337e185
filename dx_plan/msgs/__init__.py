"""The tables of the one message catalogue, by area (see `dx_plan.i18n`)."""
