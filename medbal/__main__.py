from medbal.cli import main

main()
