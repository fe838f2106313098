"""How the measuring scripts start Debian's Chromium and tell that a Streamlit run has finished."""

# Without the background-networking flags Chromium keeps calling hosts this closed network refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
QUIET_MS = 400  # a page that has not changed for this long has settled
