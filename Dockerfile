# The app in a container, after Streamlit's own Docker pattern: the pinned requirements, the
# code, a health check on /_stcore/health, the server on 0.0.0.0:8501. It runs as a user
# without write access to its code. See "A larger event" in the README.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# On linux/amd64 requirements.txt takes the CPU-only torch from PyTorch's page of wheels.
COPY requirements.txt .
RUN pip install -r requirements.txt

RUN useradd --create-home --uid 1000 app
COPY . .
USER app

EXPOSE 8501
# Python's urllib instead of curl: the slim image has no curl, and this needs no other package.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4)"]
ENTRYPOINT ["streamlit", "run", "streamlit_app.py", "--server.port=8501", "--server.address=0.0.0.0"]
