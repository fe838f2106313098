"""Links that open a view: the address carries the language, the seed and the page's main settings.

    /softmax?lang=zh&temperature=0.5&shift=500

Parameter names are the settings' own names, values are short codes (`optimizer=adam`, never a
translated label), and a value at its default is left out. A page lists what its links carry as
`LINKS` (a tuple of `Param`) in the module its PageSpec names (ui.pages); every page also carries
`shared()`, the sidebar's language and seed.

The router, on each full run:

- `load`s the address into the session: the shared params on the session's first run, a page's
  own the first time the page is shown, and all of them on the browser's Back and Forward. Each
  parameter is checked against its domain; a good value goes to its session key, a bad one
  (unknown option, out of range, wrong type) gives the default and is named in one short notice,
  never an exception. A parameter the address lacks keeps the session's value.
- `save`s the session back into the address after the page: values away from their defaults in,
  the rest out, in one update (one browser history entry). Parameters that no page declares
  (other features') are left as they are.

A fragment's rerun skips the router, so `follow` is called from the fragment's own settings
(ui.settings): the address changes as soon as a slider inside a fragment does.

Why not Streamlit's `bind="query-params"`: a bound selectbox, radio or segmented control writes its
*label* into the address. Here labels are translated, so a link would say `?source=随机分数`, break
when the language changes or a translation is edited, and the language picker itself would write
`?lang=简体中文` and drop `?lang=zh`. One mechanism for every widget keeps codes in the address.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from i18n import DEFAULT_LANGUAGE, languages
from ui.pages import PAGES, PageSpec
from ui.state import DEFAULTS
from ui.text import t

OPENED = "links.opened"  # set once a full run has finished: later runs read the address only on Back
VISITED = "links.visited"  # the pages shown in this session (url_path): each reads the address once
BAD = "links.bad"  # names of the parameters whose values were refused, for the notice
PAGE = "links.page"  # the url_path of the page on screen, for fragment reruns
FOLLOWED = "links.followed"  # the fragment run whose values the address has (its list of fragments)
TEXT_LIMIT = 200  # characters of free text (typed scores) an address may carry
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


# ---------------------------------------------------------------- what a value may be


@dataclass(frozen=True)
class Choice:
    """One of `options` (for a tuple setting: some of them, in any order, no repeats).

    `aliases` are other spellings accepted from an address and read as an option.
    """

    options: tuple[Any, ...]
    aliases: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, options: Iterable[Any], aliases: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "options", tuple(options))
        object.__setattr__(self, "aliases", dict(aliases or {}))


@dataclass(frozen=True)
class Between:
    """A number from `low` to `high`, both included; on the grid low + k * step when `step` is given."""

    low: float
    high: float
    step: float | None = None


@dataclass(frozen=True)
class Text:
    """Free text of at most TEXT_LIMIT characters."""


@dataclass(frozen=True)
class Flag:
    """Yes or no: 1/0, true/false, yes/no or on/off."""


Domain = Choice | Between | Text | Flag


class BadValue(ValueError):
    """An address's value that its parameter cannot take."""


def _scalar(kind: type, text: str) -> Any:
    text = text.strip()
    try:
        if kind is bool:
            if text.lower() not in _TRUE + _FALSE:
                raise BadValue(text)
            return text.lower() in _TRUE
        if kind is int:
            return int(text)
        if kind is float:
            value = float(text)
            if not math.isfinite(value):
                raise BadValue(text)
            return value
    except ValueError:
        raise BadValue(text) from None
    return text


def _on_grid(value: float, domain: Between) -> bool:
    if domain.step is None:
        return True
    steps = (value - domain.low) / domain.step
    return abs(steps - round(steps)) < 1e-6


def parse(kind: Any, domain: Domain, values: list[str]) -> Any:
    """The value an address's `values` (one per repeat of the parameter) stand for, or BadValue."""
    if get_origin(kind) is tuple:
        (item_kind, *_) = get_args(kind)
        texts = [] if values == [""] else values  # "chosen=" is an empty selection
        items = [_scalar(item_kind, text) for text in texts]
        if not isinstance(domain, Choice) or len(set(items)) != len(items):
            raise BadValue(values)
        if any(item not in domain.options for item in items):
            raise BadValue(values)
        return tuple(items)
    text = values[-1]
    if isinstance(domain, Choice) and text.strip() in domain.aliases:
        return domain.aliases[text.strip()]
    value = _scalar(bool if isinstance(domain, Flag) else kind, text)
    if isinstance(domain, Choice):
        # The option itself, so that "0.10" gives the learning rate 0.1 that the widget offers.
        for option in domain.options:
            if option == value:
                return option
        raise BadValue(text)
    if isinstance(domain, Between) and not (domain.low <= value <= domain.high and _on_grid(value, domain)):
        raise BadValue(text)
    if isinstance(domain, Text) and len(value) > TEXT_LIMIT:
        raise BadValue(text)
    return value


def encode(value: Any) -> str | list[str]:
    """A value as the address writes it: short and readable; a tuple as a repeated parameter."""
    if isinstance(value, tuple | list):
        return [encode(item) for item in value] or [""]  # type: ignore[misc]
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.10g}"  # 0.30000000000000004 (a number input's step) reads 0.3
    return str(value)


# ---------------------------------------------------------------- what a link carries


@dataclass(frozen=True)
class Param:
    """One value a link carries: its name in the address, its session key, what it may be.

    `read` and `write` replace the session key for a value kept another way (the classifier's
    preset is a corpus); `read` returns None when the current value cannot travel, and the copy
    action then shows `untravelled_key`.
    """

    name: str
    key: str
    kind: Any
    domain: Domain
    default: Any
    read: Callable[[], Any] | None = None
    write: Callable[[Any], None] | None = None
    untravelled_key: str | None = None

    def current(self) -> Any:
        if self.read is not None:
            return self.read()
        value = st.session_state.get(self.key, self.default)
        return tuple(value) if isinstance(value, list) else value

    def apply(self, value: Any) -> None:
        if self.write is not None:
            self.write(value)
        else:
            st.session_state[self.key] = list(value) if isinstance(value, tuple) else value


def from_settings(settings: Any, domains: Mapping[str, Domain]) -> tuple[Param, ...]:
    """Params for some fields of a PageSettings (ui.settings), named as the fields are."""
    kinds = get_type_hints(settings.kind)
    default = settings.defaults()
    unknown = set(domains) - set(settings.names)
    if unknown:
        raise KeyError(f"{settings.kind.__name__} has no settings {sorted(unknown)}")
    return tuple(
        Param(name, f"{settings.prefix}.{name}", kinds[name], domain, getattr(default, name))
        for name, domain in domains.items()
    )


@cache
def shared() -> tuple[Param, ...]:
    """What every link carries: the sidebar's language (as its code, or its name) and seed."""
    names = {name: code for code, name in languages().items()}
    return (
        Param("lang", "lang", str, Choice(languages(), aliases=names), DEFAULT_LANGUAGE),
        Param("seed", "seed", int, Between(0, 2**31 - 1), DEFAULTS["seed"]),
    )


def own(spec: PageSpec) -> tuple[Param, ...]:
    """The page's own params (its PageSpec names the module that lists them)."""
    return tuple(importlib.import_module(spec.links).LINKS) if spec.links else ()


def carried(spec: PageSpec) -> tuple[Param, ...]:
    """Everything a link to the page carries: the shared params and the page's own."""
    return shared() + own(spec)


@cache
def all_names() -> frozenset[str]:
    """Every parameter name some page's links use: the ones `save` may remove."""
    return frozenset(param.name for spec in PAGES for param in carried(spec))


# ---------------------------------------------------------------- address <-> session


def _opening() -> bool:
    """Whether this run reads the whole address: the session's first full run, or Back and Forward."""
    context = get_script_run_ctx()
    return OPENED not in st.session_state or bool(context is not None and context.is_history_navigation)


def load_shared() -> None:
    """The address's language and seed, when the session opens (or on Back and Forward)."""
    if _opening():
        load(shared())


def load_page(spec: PageSpec) -> None:
    """The page's own settings from the address, the first time it is shown (or on Back and Forward)."""
    if _opening() or spec.url_path not in st.session_state.get(VISITED, ()):
        load(own(spec))
    st.session_state[PAGE] = spec.url_path


def load(params: Iterable[Param]) -> None:
    """The address's values for `params` into the session; refused names are kept for `notice`."""
    bad: list[str] = []
    for param in params:
        values = st.query_params.get_all(param.name)
        if not values:
            if param.write is None:  # so that a section drawn before its controls reads the default
                default = param.default
                st.session_state.setdefault(param.key, list(default) if isinstance(default, tuple) else default)
            continue
        try:
            value = parse(param.kind, param.domain, values)
        except BadValue:
            bad.append(param.name)
            value = param.default
        param.apply(value)
    if bad:
        st.session_state[BAD] = [*st.session_state.get(BAD, []), *bad]


def wanted(params: Iterable[Param]) -> dict[str, str | list[str]]:
    """The address parameters of the current values that are away from their defaults."""
    out: dict[str, str | list[str]] = {}
    for param in params:
        value = param.current()
        if value is not None and value != param.default:
            out[param.name] = encode(value)
    return out


def save(params: Iterable[Param]) -> None:
    """Write the current values into the address in one update, if it differs."""
    ours = wanted(params)
    present = {name: st.query_params.get_all(name) for name in st.query_params}
    kept = {name: values for name, values in present.items() if name not in all_names()}
    if {**_as_lists(ours), **kept} == present:
        return
    try:
        st.query_params.from_dict({**ours, **kept})  # one update: one entry in the browser's history
    except StreamlitAPIException:
        # Another feature binds a widget to the address, which only that widget may write: touch ours only.
        for name in present.keys() & all_names() - ours.keys():
            del st.query_params[name]
        if ours:
            st.query_params.update(ours)


def _as_lists(values: Mapping[str, str | list[str]]) -> dict[str, list[str]]:
    return {name: value if isinstance(value, list) else [value] for name, value in values.items()}


def finish(spec: PageSpec) -> None:
    """After a full run of the page: save, and read the address again only on Back or Forward."""
    save(carried(spec))
    st.session_state[OPENED] = True
    st.session_state[VISITED] = st.session_state.get(VISITED, frozenset()) | {spec.url_path}
    st.session_state.pop(BAD, None)


def follow() -> None:
    """In a fragment's rerun, once: bring the address up to date with the page on screen.

    The user's change is in the session before the rerun starts, so the first call is enough.
    """
    context = get_script_run_ctx(suppress_warning=True)
    run = context.fragment_ids_this_run if context is not None else None
    # Each fragment run has a list of its own; holding it means no later run can look the same.
    if not run or st.session_state.get(FOLLOWED) is run:
        return
    st.session_state[FOLLOWED] = run
    path = st.session_state.get(PAGE)
    spec = next((spec for spec in PAGES if spec.url_path == path), None)
    if spec is not None:
        save(carried(spec))


def address() -> list[tuple[str, str]]:
    """The address's parameters as (name, value) pairs, a repeated one once per value."""
    return [(name, value) for name in st.query_params for value in st.query_params.get_all(name)]


def notice() -> None:
    """One short notice naming the parameters whose values fell back to their defaults."""
    bad = st.session_state.get(BAD)
    if bad:
        # The names are the app's own parameter names (the address's values are never shown).
        names = ", ".join(f"`{name}`" for name in dict.fromkeys(bad))
        st.warning(t("links.bad", names=names), icon=":material/link_off:")
