"""The building blocks of the tutorial as a small plain-Python library (no Streamlit).

Each module holds one concept; import what you need, for example::

    from core.corpus import TUTORIAL_CORPUS
    from core.dataset import prepare
    from core.training import TrainConfig, train
"""
