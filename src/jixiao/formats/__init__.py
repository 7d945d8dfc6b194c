"""Readers and writers of document formats. They sit beside the core and produce its model."""
