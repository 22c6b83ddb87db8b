"""paused_gc leaves the collector as it found it, even when the block raises."""
import gc

import pytest

from pipeline.glossary.bulk import paused_gc


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with paused_gc():
            assert not gc.isenabled()
            with paused_gc():
                assert not gc.isenabled()
            assert not gc.isenabled()  # only the outermost block turns it back on
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), paused_gc():
            raise KeyError("x")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
