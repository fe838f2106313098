"""Altair chart builders, one module per page (plain altair + pandas, no Streamlit).

Importing the package enables the app's theme (charts.theme) and its colours live in charts.palette.
"""

from charts import theme  # noqa: F401  (registers and enables the theme)
