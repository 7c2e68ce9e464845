"""What every layer uses: Swedish text and numbers, settings, paths, roles and locks."""
