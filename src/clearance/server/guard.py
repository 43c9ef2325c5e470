"""Bounded, self-healing access to the team service's store, and a local spool for decisions.

Every store call runs on one store thread and is waited for at most ``budget_s`` (2 s by
default, ``CLEARANCE_STORE_BUDGET_S``).  A call that fails or overruns opens a breaker:
later calls fail at once (``StoreUnavailable``) instead of each waiting out the stall,
and a background thread probes the database every ``probe_s``, reopening the connection
(a PostgreSQL restart breaks it for good otherwise).  When a probe succeeds the breaker
closes and the spool is replayed into the store.

Decisions that cannot be recorded in time go to the spool, a JSONL file in the service's
state directory (one line per decision: the record, the escalation limits, headless),
so that the audit trail loses none of them.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

DEFAULT_BUDGET_S = 2.0
PROBE_S = 0.5


class StoreUnavailable(Exception):
    """The store did not answer within the budget, or failed; the service degrades instead of failing."""


class RequestRejected(ValueError):
    """The store refused a value the request brought (a number past 64 bits, a value of the wrong kind): the request's
    fault, answered 400 -- not an outage, which would have turned every developer's calls into questions until the
    probe reopened the store, and let anyone with a sign-in or an agent token do it again every half second."""


def _request_value_error(e: BaseException) -> bool:
    """An exception the store raises for the value it was given rather than for its own state: Python's sqlite3
    binding an integer past 64 bits (OverflowError), PostgreSQL's data exceptions (psycopg DataError: a number out of
    range, a value its column's type does not take)."""
    return isinstance(e, OverflowError) or any(t.__name__ == "DataError" for t in type(e).__mro__)


class Guard:
    def __init__(self, opener: Callable[[], Any], store: Any, spool_path: str, budget_s: float | None = None, probe_s: float = PROBE_S) -> None:
        self.opener = opener
        self.raw = store
        self.spool_path = spool_path
        env_budget = os.environ.get("CLEARANCE_STORE_BUDGET_S")
        self.budget_s = budget_s if budget_s is not None else float(env_budget) if env_budget else DEFAULT_BUDGET_S
        self.probe_s = probe_s
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="clearance-store")
        self._thread_ident: int | None = None
        self._lock = threading.Lock()
        self._spool_lock = threading.Lock()
        self.failing_since: float | None = None
        self.last_error = ""
        self.spool_failed = False
        self._broken = False
        self._prober: threading.Thread | None = None
        self._closed = False

    # -- running calls ---------------------------------------------------------------

    def on_store_thread(self) -> bool:
        return threading.get_ident() == self._thread_ident

    def call(self, fn: Callable[[Any], Any], budget_s: float | None = None) -> Any:
        """``fn(store)`` on the store thread, within the budget; StoreUnavailable when it fails or overruns."""
        if self.on_store_thread():
            return fn(self.raw)
        if self.failing_since is not None:
            raise StoreUnavailable(f"the store is unavailable ({self.last_error})")
        fut = self._pool.submit(self._run, fn)
        try:
            return fut.result(timeout=self.budget_s if budget_s is None else budget_s)
        except concurrent.futures.TimeoutError:
            fut.cancel()
            self._fail(f"no answer within {self.budget_s:g} s")
            raise StoreUnavailable(f"the store did not answer within {self.budget_s:g} s") from None
        except StoreUnavailable:
            raise
        except _ServiceErrors:
            raise
        except Exception as e:
            if _request_value_error(e):
                raise RequestRejected(f"a value of the request is out of the store's range ({type(e).__name__})") from None
            self._fail(f"{type(e).__name__}: {str(e)[:200]}")
            raise StoreUnavailable(f"the store failed ({type(e).__name__}: {str(e)[:200]})") from None

    def submit(self, fn: Callable[[Any], Any]) -> concurrent.futures.Future[Any]:
        return self._pool.submit(self._run, fn)

    def _run(self, fn: Callable[[Any], Any]) -> Any:
        self._thread_ident = threading.get_ident()
        if self._broken:
            self._reopen()
        return fn(self.raw)

    def _reopen(self) -> None:
        with contextlib.suppress(Exception):
            self.raw.close()
        self.raw = self.opener()
        self._broken = False

    def _fail(self, why: str) -> None:
        with self._lock:
            self.last_error = why
            self._broken = True
            if self.failing_since is None:
                self.failing_since = time.time()
                sys.stderr.write(f"clearance serve: the store is unavailable ({why}); answering ask and spooling decisions to {self.spool_path}\n")
            self._start_prober()

    def mark_failed(self, e: BaseException) -> None:
        self._fail(f"{type(e).__name__}: {str(e)[:200]}")

    # -- probing, recovery and replay ---------------------------------------------------

    def _start_prober(self) -> None:
        if self._prober is None or not self._prober.is_alive():
            self._prober = threading.Thread(target=self._probe_loop, name="clearance-store-probe", daemon=True)
            self._prober.start()

    def _probe_loop(self) -> None:
        while not self._closed:
            time.sleep(self.probe_s)
            try:
                fut = self._pool.submit(self._run, self._probe_and_replay)
            except RuntimeError:
                return  # closed
            try:
                if fut.result(timeout=max(self.budget_s, 5.0)):
                    with self._lock:
                        if self.failing_since is not None:
                            sys.stderr.write("clearance serve: the store is back; spooled decisions replayed\n")
                        self.failing_since = None
                        self.last_error = ""
                    return
            except Exception as e:
                with self._lock:
                    self.last_error = f"{type(e).__name__}: {str(e)[:200]}"
                    self._broken = True

    def _probe_and_replay(self, store: Any) -> bool:
        store.fetchone("SELECT 1")
        self.replay(store)
        return True

    def spooled(self) -> int:
        total = 0
        for path in (self.spool_path, f"{self.spool_path}.replaying-{os.getpid()}", *_stale_replays(self.spool_path)):
            with contextlib.suppress(OSError), open(path, "rb") as f:
                total += sum(1 for _ in f)
        return total

    def spool(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> bool:
        """Append one decision to the spool (durably); False when even that fails (a full disk)."""
        line = json.dumps({"rec": rec, "limits": list(limits), "headless": headless}, default=str, separators=(",", ":")) + "\n"
        try:
            with self._spool_lock:
                folder = os.path.dirname(self.spool_path)
                if folder:
                    os.makedirs(folder, mode=0o700, exist_ok=True)
                fd = os.open(self.spool_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(fd, line.encode())
                    os.fsync(fd)
                finally:
                    os.close(fd)
            self.spool_failed = False
            self._start_prober()
            return True
        except OSError as e:
            self.spool_failed = True
            sys.stderr.write(f"clearance serve: could not spool a decision to {self.spool_path} ({e}); it is lost\n")
            return False

    def replay(self, store: Any) -> int:
        """Write every spooled decision into *store* (on the store thread); the lines not written stay spooled."""
        # Processes on one machine may share the spool: each replays what it took with an atomic rename, and
        # adopts what a process that died while replaying left behind.
        work = f"{self.spool_path}.replaying-{os.getpid()}"
        with self._spool_lock:
            for stale in _stale_replays(self.spool_path):
                with contextlib.suppress(OSError):
                    with open(stale, encoding="utf-8") as src, open(self.spool_path, "a", encoding="utf-8") as dst:
                        dst.write(src.read())
                    os.unlink(stale)
            if os.path.exists(self.spool_path) and not os.path.exists(work):
                with contextlib.suppress(FileNotFoundError):
                    os.replace(self.spool_path, work)
        if not os.path.exists(work):
            return 0
        with open(work, encoding="utf-8") as f:
            lines = [ln for ln in f.read().splitlines() if ln.strip()]
        done = 0
        try:
            for ln in lines:
                try:
                    item = json.loads(ln)
                except ValueError:
                    done += 1  # a torn last line (the process died while writing): nothing to replay
                    continue
                store.record(item["rec"], tuple(item["limits"]), bool(item["headless"]))
                done += 1
        finally:
            rest = lines[done:]
            with self._spool_lock:
                if rest:
                    with open(self.spool_path, "a", encoding="utf-8") as f:
                        f.write("".join(x + "\n" for x in rest))
                os.unlink(work)
        return done

    def healthy(self) -> bool:
        return self.failing_since is None and not self.spool_failed

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)


def _stale_replays(spool_path: str) -> list[str]:
    """Replay files of processes that are gone."""
    import glob

    out = []
    for path in glob.glob(glob.escape(spool_path) + ".replaying-*"):
        pid = path.rsplit("-", 1)[1]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            out.append(path)
        except OSError:
            pass  # alive (another user's process)
    return out


class GuardedStore:
    """The store's interface, each call run through the guard (bounded; StoreUnavailable instead of a stall)."""

    def __init__(self, guard: Guard) -> None:
        self._guard = guard

    @property
    def url(self) -> str:
        return str(self._guard.raw.url)

    def __getattr__(self, name: str) -> Any:
        guard = self._guard

        def bound(*args: Any, **kwargs: Any) -> Any:
            return guard.call(lambda store: getattr(store, name)(*args, **kwargs))

        return bound


class _NeverRaised(Exception):
    pass


_ServiceErrors: tuple[type[BaseException], ...] = (_NeverRaised,)


def pass_through(*errors: type[BaseException]) -> None:
    """Exceptions that are answers, not store failures (ServiceError): they pass through the guard unchanged."""
    global _ServiceErrors
    _ServiceErrors = errors
