"""gevent (issue 11 item 3, docs/PYTHON.md): a blocking paywire call releases the GIL but holds its OS
thread, so under gevent it runs in the hub's thread pool; the hub then keeps serving other greenlets.

Run in a child process: ``monkey.patch_all()`` (what gevent workers do) must come before anything else
and must not leak into the other tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    from gevent import monkey

    monkey.patch_all()

    import gevent
    from gevent import get_hub

    from paywire.testing import Sandbox

    ticks = 0
    running = True


    def ticker():
        global ticks
        while running:
            ticks += 1
            gevent.sleep(0.005)


    def ticks_during(call):
        global ticks, running
        ticks, running = 0, True
        other = gevent.spawn(ticker)
        call()
        seen = ticks
        running = False
        other.join()
        return seen


    with Sandbox() as sandbox:
        client = sandbox.client()
        rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
        client.get_receipt(rid)  # the token and the connection are ready: only the fault is slow

        # Called directly, the call holds the hub's OS thread: no other greenlet runs meanwhile.
        sandbox.fault(path="receipt/*", latency_ms=400, times=1)
        blocked = ticks_during(lambda: client.get_receipt(rid))

        # In the hub's thread pool, this greenlet waits and the others run.
        sandbox.fault(path="receipt/*", latency_ms=400, times=1)
        answers = []
        free = ticks_during(lambda: answers.append(get_hub().threadpool.apply(client.get_receipt, (rid,))))
        assert answers[0].receipt_id == rid
        print(blocked, free)
    """
)


def test_a_blocking_call_in_the_hubs_thread_pool_keeps_other_greenlets_running() -> None:
    pytest.importorskip("gevent")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tempfile.gettempdir(),  # not the source tree: the installed wheel
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 0, done.stderr
    blocked, free = (int(n) for n in done.stdout.split())
    assert blocked == 0, "called directly, the call blocks the hub (the reason for the pattern)"
    assert free >= 5, f"the other greenlet ran only {free} times while the call was in flight"
