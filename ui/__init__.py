"""The Streamlit pages. They render what `rag` decides and keep no logic of their own."""
