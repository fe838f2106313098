"""The cache sizes script reads Streamlit's metrics text and tells an entry's size from two readings."""

from __future__ import annotations

from scripts.cache_sizes import DATA, RESOURCE, FunctionCache, largest_entry, max_entries, parse_metrics

# As Streamlit 1.67 writes it on /_stcore/metrics (OpenMetrics text), shortened.
TEXT = """# TYPE cache_memory_bytes gauge
# UNIT cache_memory_bytes bytes
# HELP cache_memory_bytes Total memory consumed by a cache.
cache_memory_bytes{cache_type="st_cache_data",cache="ui.softmax._scores"} 228
cache_memory_bytes{cache_type="st_cache_data",cache="ui.odd.\\"quoted\\""} 10
cache_memory_bytes{cache_type="st_cache_resource",cache="ui.optimisation.compute.cached_surface"} 3
cache_memory_bytes{cache_type="st_session_state",cache=""} 29
# TYPE cache_lookups counter
cache_lookups_total{cache="ui.softmax._scores",cache_type="st_cache_data",result="hit"} 7
cache_lookups_total{cache="ui.softmax._scores",cache_type="st_cache_data",result="miss"} 5
# TYPE cache_evictions counter
cache_evictions_total{cache="ui.softmax._scores",cache_type="st_cache_data",reason="max_entries"} 2
cache_evictions_total{cache="ui.softmax._scores",cache_type="st_cache_data",reason="ttl"} 1
cache_compute_duration_seconds_bucket{cache="ui.softmax._scores",cache_type="st_cache_data",le="0.1"} 5
# TYPE session_events counter
session_events_total{type="connection"} 1
# EOF
"""


def test_metrics_give_each_cached_function_its_bytes_and_entries():
    caches = parse_metrics(TEXT)

    assert set(caches) == {"ui.softmax._scores", 'ui.odd."quoted"', "ui.optimisation.compute.cached_surface"}
    scores = caches["ui.softmax._scores"]
    assert (scores.kind, scores.bytes, scores.misses, scores.evictions, scores.entries) == (DATA, 228, 5, 3, 2)
    surface = caches["ui.optimisation.compute.cached_surface"]
    assert (surface.kind, surface.bytes, surface.entries) == (RESOURCE, None, 3)


def test_the_largest_entry_is_the_largest_growth_per_new_entry_without_evictions():
    def reading(memory: int, misses: int, evictions: int = 0) -> dict[str, FunctionCache]:
        return {"f": FunctionCache(DATA, "f", memory, misses, evictions)}

    readings = [{}, reading(100, 1), reading(400, 3), reading(450, 4), reading(2_000, 5, evictions=1)]

    largest = largest_entry(readings, "f")

    assert (largest.bytes, largest.exact) == (150, False)  # two entries of 300 bytes; the eviction's reading skipped
    assert largest_entry([{}, reading(100, 1)], "f").exact
    assert largest_entry(readings, "absent") is None


def test_bounds_are_read_from_the_functions_and_from_page_scripts():
    assert max_entries("ui.optimisation.compute.manual_chart_spec") == 256
    assert max_entries("__main__.replay") == 16  # app_pages/replay.py runs as __main__
