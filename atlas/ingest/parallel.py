"""Where the costly part of ingest (cleaning, geoparsing, resolving) runs: in this process, in a pool of worker
processes (`--workers N`), or on a Dask distributed cluster (`--dask-scheduler ADDRESS`).

Only analysis moves; the store is written by the calling process alone, in input order, one transaction per article,
so all three paths store identical results and a killed batch leaves only whole articles behind.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Protocol

from atlas.ingest.analysis import Analyser, Analysis
from text.budget import OverBudget


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """An article the analysis could not handle, carried back instead of an exception so the batch goes on."""

    reason: str


AnalysisResult = Analysis | AnalysisFailure
Item = tuple[str, date | None]  # an article's text and the publication date its input gave


class AnalysisBackend(Protocol):
    def map(self, items: Sequence[Item]) -> Iterator[AnalysisResult]:
        """Results in the order of `items`."""

    def close(self) -> None:
        """Release workers or the cluster connection."""

_WORKER_ANALYSER: Analyser | None = None
WORKER_CHUNK = 16  # articles a worker analyses as one batch: big enough for batched parsing, small enough to share out


def analyse_safely(analyse: Callable[[str, date | None], Analysis], item: Item) -> AnalysisResult:
    try:
        return analyse(*item)
    except OverBudget as error:
        return AnalysisFailure(str(error))
    except Exception as error:  # any failure of one article is reported for that article alone
        return AnalysisFailure(f"{type(error).__name__}: {error}")


def analyse_batch(analyser: Analyser, items: Sequence[Item]) -> Iterator[AnalysisResult]:
    """Results in the order of `items`, from one batched spaCy pass over their texts. Should that pass fail, the
    articles not yet answered are analysed one at a time, so that only the article at fault is reported."""
    done = 0
    try:
        for item, doc in zip(items, analyser.parses([text for text, _published in items]), strict=True):
            yield analyse_safely(partial(analyser.analyse_parsed, doc=doc), item)
            done += 1
    except Exception:  # from the batched parse alone: analyse_safely lets nothing through
        for item in items[done:]:
            yield analyse_safely(analyser, item)


def backend(workers: int | None = None, dask_scheduler: str | None = None,
            budget_seconds: float | None = None) -> AnalysisBackend:
    """The backend a command line asks for: `workers` None means one per core once a batch is big enough to pay for
    starting them; `budget_seconds` bounds each article's analysis (None: no limit)."""
    if dask_scheduler:
        return DaskCluster(dask_scheduler)
    if workers is None:
        return EveryCore(Analyser(budget_seconds))
    if workers > 1:
        return WorkerProcesses(workers, budget_seconds)
    return InProcess(Analyser(budget_seconds))


def analyse_in_worker(chunk: Sequence[Item]) -> list[AnalysisResult]:
    """Runs in a worker process or on a Dask worker: the parser and gazetteer load once per process."""
    global _WORKER_ANALYSER
    if _WORKER_ANALYSER is None:
        _WORKER_ANALYSER = Analyser()
    return list(analyse_batch(_WORKER_ANALYSER, chunk))


def _start_worker(parent: int, budget_seconds: float | None) -> None:
    global _WORKER_ANALYSER
    _WORKER_ANALYSER = Analyser(budget_seconds)
    _leave_with_parent(parent)


def _leave_with_parent(parent: int) -> None:
    """A SIGKILL of the ingest skips the pool's shutdown, and its workers would wait for work for ever, each holding
    the models in memory: every worker watches for its parent and leaves once it is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="leave-with-parent", daemon=True).start()


def _chunks(items: Sequence[Item]) -> list[Sequence[Item]]:
    return [items[start:start + WORKER_CHUNK] for start in range(0, len(items), WORKER_CHUNK)]


def _flatten(chunks: Iterable[list[AnalysisResult]]) -> Iterator[AnalysisResult]:
    for chunk in chunks:
        yield from chunk


class InProcess:
    def __init__(self, analyser: Analyser) -> None:
        self._analyser = analyser

    def map(self, items: Sequence[Item]) -> Iterator[AnalysisResult]:
        return analyse_batch(self._analyser, items)

    def close(self) -> None:
        """Nothing to release."""


class WorkerProcesses:
    """Workers are started fresh ("spawn"), not forked: the web app starts them from a threaded server, and a fork
    taken while another thread holds a lock (logging's, the import system's) leaves the child waiting on it for
    ever; the job then never ends. Starting costs each worker its imports, about two seconds, once per pool."""

    def __init__(self, workers: int, budget_seconds: float | None = None) -> None:
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                         initargs=(os.getpid(), budget_seconds),
                                         mp_context=multiprocessing.get_context("spawn"))

    def map(self, items: Sequence[Item]) -> Iterator[AnalysisResult]:
        return _flatten(self._pool.map(analyse_in_worker, _chunks(items)))

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class EveryCore:
    """In this process for small batches (a few articles do not repay loading the models in every worker), in one
    worker process per core from the first batch that gives two workers a chunk each (bench/pipeline.py: two workers
    analyse about 2.3 times as many articles per second as one process on this 2-core machine)."""

    def __init__(self, analyser: Analyser, cores: int | None = None) -> None:
        self._analyser = analyser
        self._cores = cores or len(os.sched_getaffinity(0))
        self._pool: WorkerProcesses | None = None

    def map(self, items: Sequence[Item]) -> Iterator[AnalysisResult]:
        if self._pool is None and self._cores > 1 and len(items) >= 2 * WORKER_CHUNK:
            self._pool = WorkerProcesses(self._cores, self._analyser.budget_seconds)
        if self._pool is not None:
            return self._pool.map(items)
        return analyse_batch(self._analyser, items)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


class DaskCluster:
    def __init__(self, scheduler_address: str) -> None:
        from distributed import Client

        self._client = Client(scheduler_address, timeout="20s")

    def map(self, items: Sequence[Item]) -> Iterator[AnalysisResult]:
        futures = self._client.map(analyse_in_worker, _chunks(items), pure=False)
        return _flatten(self._client.gather(futures))

    def close(self) -> None:
        self._client.close()
