"""The board pack (nämndunderlag): content as semantic blocks, and its PDF, HTML, Word and Markdown."""
