// Reading and writing the binary snapshot.
