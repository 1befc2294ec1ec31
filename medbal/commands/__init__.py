"""The Typer commands: thin layers that parse options and call the library."""
