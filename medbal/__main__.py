"""`python -m medbal`: the same start as the `medbal` script (medbal.launch)."""

try:
    from medbal.launch import main
except KeyboardInterrupt:  # Ctrl-C in the instant before medbal.launch holds it
    from medbal.core.errors import INTERRUPTED, Phrase
    from medbal.core.langs import LANGS
    from medbal.present.output import report

    raise SystemExit(
        report(Phrase("interrupted"), LANGS[0], INTERRUPTED, blank_before=True)
    ) from None

main()
