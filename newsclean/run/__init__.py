"""Running a batch: inputs and formats, outputs, executors (local, Dask), reports.

Nothing here is imported by the cleaning stages or the cross-document steps; Dask itself is
imported only by :mod:`newsclean.run.dask_engine` and :mod:`newsclean.run.dask_api`, when they
are used.
"""
