from medbal.launch import main

main()
