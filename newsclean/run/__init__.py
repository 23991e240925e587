"""Running a batch on an engine: the executor interface, the local and Dask executors.

Nothing here is imported by the cleaning stages or the cross-document steps; Dask itself is
imported only by :mod:`newsclean.run.dask_engine` and :mod:`newsclean.run.dask_api`, when they
are used.
"""
