castorSearch("index", {})
