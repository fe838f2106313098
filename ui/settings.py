"""A page's settings as one typed object: session keys derived from one prefix, defaults in one place.

    @dataclass(frozen=True)
    class SoftmaxSettings:
        temperature: float = 1.0

    SETTINGS = PageSettings("softmax", SoftmaxSettings)
    st.slider(..., key=SETTINGS.key("temperature"))   # "softmax.temperature"
    settings = SETTINGS.read()                         # SoftmaxSettings(temperature=...)

Widgets own their values through these keys; `read` gathers them, with the dataclass's default
for any widget not drawn yet, so a section can be computed before (or without) its controls.

In a fragment's rerun, `key` and `read` also bring the address up to date (ui.links): the router,
which does that after a full run, does not run then.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, Generic, TypeVar

import streamlit as st

from ui import links

T = TypeVar("T")


class PageSettings(Generic[T]):
    """The session-state view of the settings dataclass `kind`, under keys `{prefix}.{field}`."""

    def __init__(self, prefix: str, kind: type[T]) -> None:
        self.prefix = prefix
        self.kind = kind
        self.names = tuple(field.name for field in fields(kind))  # type: ignore[arg-type]

    def key(self, name: str) -> str:
        if name not in self.names:
            raise KeyError(f"{self.kind.__name__} has no setting {name!r}")
        links.follow()
        return f"{self.prefix}.{name}"

    def defaults(self) -> T:
        return self.kind()

    def read(self) -> T:
        """The current values, each from its widget's key, or its default."""
        links.follow()
        default = self.defaults()
        values = {name: st.session_state.get(self.key(name), getattr(default, name)) for name in self.names}
        return replace(default, **values)

    def init(self) -> None:
        """Give every setting its default in the session, unless it already has a value."""
        default = self.defaults()
        for name in self.names:
            st.session_state.setdefault(self.key(name), getattr(default, name))

    def write(self, **values: Any) -> None:
        """Set some settings (from a button's callback, before their widgets are drawn)."""
        for name, value in values.items():
            st.session_state[self.key(name)] = value

    def reset(self) -> None:
        self.write(**{name: getattr(self.defaults(), name) for name in self.names})
