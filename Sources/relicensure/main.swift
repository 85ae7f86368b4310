import Logging

LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label) }
Relicensure.main()
