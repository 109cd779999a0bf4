"""Content: the curriculum as Wagtail pages, blocks, snippets and the training base's settings.

The lowest layer: it never imports ``courses`` or ``certification``.
"""
