"""Studies: experiment files (cases x replications on common random numbers), engines (local
processes, Dask), statistics, reports, and forecasts from any position. See docs/studies.md."""
