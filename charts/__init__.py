"""Altair chart builders, one module per page (plain altair + pandas, no Streamlit)."""
