"""newsclean on Dask collections: ``from newsclean.dask import clean_bag, clean_dataframe``.

A thin public name for :mod:`newsclean.run.dask_api` (``pip install 'newsclean[dask]'``).
"""

from __future__ import annotations

from .run.dask_api import (
    clean_bag,
    clean_dataframe,
    clean_text,
    explanation,
    learn_site_boilerplate,
    run_step,
)

__all__ = [
    "clean_bag",
    "clean_dataframe",
    "clean_text",
    "explanation",
    "learn_site_boilerplate",
    "run_step",
]
