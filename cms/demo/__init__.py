"""Demo content for TT Academy: the technology-manager curriculum, in Chinese and English."""
