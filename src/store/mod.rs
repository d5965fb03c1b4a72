//! Reading and writing project files: RON load and save, autosave and recovery, text import.
