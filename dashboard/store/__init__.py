"""The databases: SQL files, the seed build, the user store and its replay into the build."""
