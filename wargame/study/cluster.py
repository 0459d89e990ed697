"""The Dask distributed engine of `wargame study` (the `cluster` extra; imported only when it is used).

A local worker is forked from the coordinator after the study is loaded and warmed; a Dask worker is a
separate process that must load and warm the study itself. A worker plugin does that once per worker
process when the run starts (and on a worker that joins later), off the path of the tasks; removing the
plugin at the end drops the study from the workers of a long-lived cluster. The tasks are the same
`play_chunk` as on local processes, so the rows are the same. Measured in benchmarks/bench_study.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wargame.study import runner

if TYPE_CHECKING:
    Plugin = object
else:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin as Plugin
    except ImportError:  # the extra is missing: engine() says so; the module still imports
        Plugin = object


class StudyOnWorker(Plugin):
    """Loads and warms one study in a worker process (`runner.prepared`), and forgets it when removed."""

    def __init__(self, src: runner.Source):
        self.src = src

    def setup(self, worker: Any) -> None:
        runner.prepared(self.src)

    def teardown(self, worker: Any) -> None:
        runner._PREPARED.pop(self.src.key, None)


# A worker's statistical profiler samples the task thread's stack every 10 ms for the dashboard's profile
# page; on games (pure Python, holding the GIL) it costs ~8 % of a worker's CPU (benchmarks/bench_study.py).
# The LocalCluster below has no dashboard, so its workers run without it; docs/studies.md says how to start
# the workers of a real cluster the same way.
QUIET_WORKERS = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int, processes: bool = True) -> Any:
    """A LocalCluster of `workers` single-threaded workers without a dashboard or the profiler."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(QUIET_WORKERS):  # read as each worker starts
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None)


def engine(scheduler: str | None, workers: int, processes: bool = True) -> runner.Engine:
    """The scheduler at `scheduler`, or a LocalCluster of `workers` single-threaded processes (threads
    in this process with `processes=False`)."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ImportError("the dask engine needs the 'cluster' extra: pip install 'baltic-wargame[cluster]'") from None

    def run(src: runner.Source, chunks: list[list[runner.Job]], done: Callable[[list[dict[str, Any]]], None]) -> None:
        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = local_cluster(workers, processes)
            client = Client(cluster)
        name = f"wargame-study-{uuid.uuid4().hex[:12]}"
        plugin: Any = StudyOnWorker(src)  # a WorkerPlugin when the extra is installed
        try:
            if processes or scheduler:  # threads in this process share the coordinator's study
                client.register_plugin(plugin, name=name)
            futures = client.map(runner.play_chunk, [src] * len(chunks), chunks, pure=False)
            for _fut, rows in as_completed(futures, with_results=True):
                done(rows)
        finally:
            try:
                if processes or scheduler:
                    client.unregister_worker_plugin(name)
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()

    return run
