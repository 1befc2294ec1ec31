"""`python -m medbal`: the same entry point as the `medbal` script."""

try:
    from medbal.launch import main
except KeyboardInterrupt:  # Ctrl-C in the instant before medbal.launch is ready for it
    import sys

    sys.stderr.write("\nmedbal: interrupted.\n")
    sys.exit(130)

main()
