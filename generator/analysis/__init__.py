"""The governance analysis: partner positions, voting power, the lump sum and the warnings.

Everything here is pure (answers in, values out) except `chart.draw_position_chart`, which
renders a PNG into bytes. `report.analyse` is the entry point.
"""
