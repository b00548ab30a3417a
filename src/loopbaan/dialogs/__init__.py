"""Dialogs: `ModalScreen[Result]` screens over a main screen.

Each returns what was picked or typed (None when cancelled); the screen that
opened it makes the change, so that it goes through the undo log.
"""
