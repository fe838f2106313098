"""A Streamlit session driven over the app's websocket protocol, the way the browser drives it.

The browser's part of a Streamlit session is small: it opens `/_stcore/stream`, sends a
`BackMsg.rerun_script` (a `ClientState`: the URL's query string and page, the values of the
widgets on screen, a fragment id when the widget sits in a fragment), and draws the
`ForwardMsg`s that come back until `script_finished`. This client does the same without
drawing: it keeps the elements of the page by their delta path, learns each widget's id from
its element (and whether a fragment owns it), keeps the widget values it has set and sends them
with every rerun (triggers such as a button click only once), follows the query string the app
writes, and switches pages by their script hash as the navigation menu does. So the server does
for it what it does for a browser tab, apart from serving the page's static files.

    session = StreamlitSession("http://127.0.0.1:8501")
    await session.open("softmax")
    await session.set_slider("Temperature T", 2.0)
    await session.close()
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

FINISHED = ForwardMsg.ScriptFinishedStatus
# A run that ended because another started is not the end of what the user asked for.
DONE = {
    FINISHED.FINISHED_SUCCESSFULLY,
    FINISHED.FINISHED_WITH_COMPILE_ERROR,
    FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
MAX_MESSAGE_BYTES = 200 * 1024 * 1024  # Streamlit's own default for server.maxMessageSize


class ProtocolError(RuntimeError):
    """The app answered in a way a browser would show as broken (an exception, a closed socket)."""


@dataclass(frozen=True)
class Widget:
    """A widget as its element announced it: the id the server gave it and the fragment that owns it."""

    id: str
    kind: str  # the element's type: "button", "slider", "selectbox", "text_input", "tabs", ...
    label: str
    fragment_id: str
    element: object = None  # the element's proto, as last drawn


class StreamlitSession:
    """One browser tab's session, without the browser."""

    def __init__(self, base_url: str, timeout: float = 300.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.query_string = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash, from the navigation message
        self.elements: dict[tuple[int, ...], tuple[str, object]] = {}  # delta path -> (type, element proto)
        self.widgets: dict[str, Widget] = {}  # id -> widget, on the page now
        self.tab_labels: dict[str, list[str]] = {}  # tab container's widget id -> its tabs' labels
        self.exceptions: list[str] = []  # every exception the app showed this session
        self.bytes_received = 0
        self._values: dict[str, WidgetState] = {}  # the values this tab would send back
        self._seen: set[str] = set()  # widget ids drawn by the run in progress
        self._tab_container: tuple[int, ...] | None = None
        self._full_run = False  # the run in progress is the whole page, not a fragment
        self._run_paths: set[tuple[int, ...]] = set()  # delta paths the full run in progress has drawn
        self._socket = None
        self._reader: asyncio.Task | None = None
        self._finished: asyncio.Queue[int] = asyncio.Queue()

    # ------------------------------------------------------------ connection

    async def open(self, path: str = "", query: str = "") -> float:
        """Load the app at `/path?query` as a new tab does; seconds until its first run has finished."""
        start = time.perf_counter()
        # What the page's JavaScript asks before it opens the socket.
        await asyncio.to_thread(self._get, "/_stcore/health")
        await asyncio.to_thread(self._get, "/_stcore/host-config")
        parts = urllib.parse.urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self._socket = await connect(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"{parts.scheme}://{parts.netloc}",
            max_size=MAX_MESSAGE_BYTES,
            open_timeout=self.timeout,
            # A browser's websocket sends no pings of its own; a client that did would give up on a
            # busy server after 20 s without a pong, which no participant's tab does.
            ping_interval=None,
        )
        self._reader = asyncio.create_task(self._read())
        self.query_string = query
        await self._rerun(page_name=path.strip("/"))
        return time.perf_counter() - start

    def _get(self, path: str) -> None:
        with urllib.request.urlopen(self.base_url + path, timeout=self.timeout) as response:
            response.read()

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    # ------------------------------------------------------------ what a user does

    async def switch_page(self, url_path: str) -> float:
        """Click the page in the navigation menu."""
        if url_path not in self.pages:
            raise ProtocolError(f"no page at /{url_path}; the app has {sorted(self.pages)}")
        return await self._rerun(page_hash=self.pages[url_path])

    async def click(self, label: str) -> float:
        widget = self.widget("button", label)
        return await self._rerun(widget, WidgetState(id=widget.id, trigger_value=True))

    async def nudge_slider(self, label: str) -> float:
        """Move a slider one step up (one step down at its top), as an arrow key does."""
        widget = self.widget("slider", label)
        held = self._values.get(widget.id)
        proto = widget.element
        if proto.options:
            raise ProtocolError(f"{label!r} is a select_slider; this client moves plain sliders only")
        current = list(held.double_array_value.data if held else (proto.value if proto.set_value else proto.default))
        value = current[0] + proto.step if current[0] + proto.step <= proto.max else current[0] - proto.step
        return await self.set_slider(label, value, *current[1:])

    async def set_slider(self, label: str, *values: float) -> float:
        widget = self.widget("slider", label)
        state = WidgetState(id=widget.id)
        state.double_array_value.data.extend(values)
        return await self._rerun(widget, state)

    async def set_number(self, label: str, value: float) -> float:
        """Type a number into a number input and press Enter."""
        widget = self.widget("number_input", label)
        return await self._rerun(widget, WidgetState(id=widget.id, double_value=value))

    async def select(self, label: str, option: str) -> float:
        """Pick an option of a selectbox, by the text the user sees."""
        widget = self.widget("selectbox", label)
        return await self._rerun(widget, WidgetState(id=widget.id, string_value=option))

    async def type_text(self, label: str, text: str) -> float:
        """Type into a text input and press Enter."""
        widget = self.widget("text_input", label)
        return await self._rerun(widget, WidgetState(id=widget.id, string_value=text))

    async def open_tab(self, label: str) -> float:
        """Click a tab of the page's tab container (tabs that rerun the app are a widget)."""
        for widget in self.widgets.values():
            if widget.kind == "tabs" and label in self.tab_labels.get(widget.id, []):
                return await self._rerun(widget, WidgetState(id=widget.id, string_value=label))
        raise ProtocolError(f"no tab called {label!r} on the page")

    # ------------------------------------------------------------ what the page shows

    def widget(self, kind: str, label: str) -> Widget:
        for widget in self.widgets.values():
            if widget.kind == kind and widget.label == label:
                return widget
        raise ProtocolError(f"no {kind} labelled {label!r} on the page")

    def shown(self, kind: str) -> Iterator[object]:
        """The elements of one type on the page, in delta-path order."""
        for path in sorted(self.elements):
            element_kind, element = self.elements[path]
            if element_kind == kind:
                yield element

    def shows(self, text: str) -> bool:
        """Whether any heading, text, alert or metric on the page contains `text`."""
        for path in self.elements:
            kind, element = self.elements[path]
            for name in ("body", "label"):
                if kind != "block" and text in str(getattr(element, name, "")):
                    return True
        return False

    def metric(self, label: str) -> str | None:
        return next((m.body for m in self.shown("metric") if m.label == label), None)

    def alerts(self, level: str) -> list[str]:
        """Bodies of the page's alerts of one level: "error", "warning", "info" or "success"."""
        wanted = Alert.Format.Value(level.upper())
        return [alert.body for alert in self.shown("alert") if alert.format == wanted]

    # ------------------------------------------------------------ the protocol

    async def _rerun(
        self,
        widget: Widget | None = None,
        state: WidgetState | None = None,
        page_hash: str | None = None,
        page_name: str = "",
    ) -> float:
        """Send one rerun request and wait until the run it starts has finished; its seconds."""
        start = time.perf_counter()
        if state is not None:
            self._values[state.id] = state
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query_string
        client.page_name = page_name
        client.page_script_hash = page_hash if page_hash is not None else self.page_hash
        client.widget_states.widgets.extend(self._values.values())
        client.context_info.timezone = "UTC"
        client.context_info.locale = "en-GB"
        client.context_info.url = f"{self.base_url}/{page_name}"
        fragment = widget.fragment_id if widget is not None and page_hash is None else ""
        if fragment:
            client.fragment_id = fragment
        # A trigger (a click) is sent once; the browser resets it right after.
        for key in [key for key, value in self._values.items() if value.WhichOneof("value") == "trigger_value"]:
            del self._values[key]
        while not self._finished.empty():
            self._finished.get_nowait()
        shown_before = len(self.exceptions)
        await self._socket.send(message.SerializeToString())
        while True:
            status = await asyncio.wait_for(self._finished.get(), self.timeout)
            if status == -1:
                raise ProtocolError("the server closed the connection")
            if status in DONE:
                break
        if len(self.exceptions) > shown_before:
            raise ProtocolError(f"the app showed an exception: {self.exceptions[-1]}")
        return time.perf_counter() - start

    async def _read(self) -> None:
        try:
            async for data in self._socket:
                self.bytes_received += len(data)
                message = ForwardMsg()
                message.ParseFromString(data)
                self._take(message)
        finally:
            # A closed socket ends whatever is waiting for a run.
            self._finished.put_nowait(-1)

    def _take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            # A full run starts: what it does not draw again is gone when it finishes.
            self._seen = set()
            self.page_hash = message.new_session.page_script_hash or self.page_hash
            self._run_paths = set()
            self._full_run = True
        elif kind == "navigation":
            self.pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
            self.page_hash = message.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "delta":
            self._take_delta(tuple(message.metadata.delta_path), message.delta)
        elif kind == "script_finished":
            status = message.script_finished
            if status == FINISHED.FINISHED_SUCCESSFULLY and self._full_run:
                self._forget_stale()
            self._full_run = False
            self._finished.put_nowait(status)
        elif kind == "ref_hash":
            raise ProtocolError("the server sent a cached-message reference; this client announces no cache")

    def _take_delta(self, path: tuple[int, ...], delta) -> None:
        if self._full_run:
            self._run_paths.add(path)
        if delta.WhichOneof("type") == "add_block":
            block = delta.add_block
            if block.WhichOneof("type") == "tab_container" and block.tab_container.id:
                self._tab_container = path
                self._remember(Widget(block.tab_container.id, "tabs", "", delta.fragment_id))
                self.tab_labels[block.tab_container.id] = []
            elif block.WhichOneof("type") == "tab" and self._tab_container == path[:-1]:
                container = self.elements.get(self._tab_container)
                if container is not None:
                    self.tab_labels[container[1].tab_container.id].append(block.tab.label)
            self.elements[path] = ("block", block)
            return
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        self.elements[path] = (kind, proto)
        if kind == "exception":
            self.exceptions.append(f"{proto.type}: {proto.message}")
        widget_id = getattr(proto, "id", "")
        if widget_id and kind not in ("markdown", "heading"):
            self._remember(Widget(widget_id, kind, getattr(proto, "label", ""), delta.fragment_id, proto))

    def _remember(self, widget: Widget) -> None:
        self.widgets[widget.id] = widget
        self._seen.add(widget.id)

    def _forget_stale(self) -> None:
        """After a full run, as the browser does: elements and widget values it did not draw are gone."""
        kept = self._run_paths
        self.elements = {path: value for path, value in self.elements.items() if path in kept}
        self.widgets = {key: widget for key, widget in self.widgets.items() if key in self._seen}
        self._values = {key: value for key, value in self._values.items() if key in self._seen}
