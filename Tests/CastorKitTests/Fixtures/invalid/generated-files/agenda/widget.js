document.write("<script src=https://example.org/x.js></script>")
