"""Views of the learning app, one module per area. They stay thin: parse, call a service or selector, render."""
