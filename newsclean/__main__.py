"""``python -m newsclean`` runs the command line."""

from .cli import main

main(prog_name="newsclean")
