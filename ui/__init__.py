"""Streamlit-side helpers shared by the pages: translation, session state, sidebar."""
