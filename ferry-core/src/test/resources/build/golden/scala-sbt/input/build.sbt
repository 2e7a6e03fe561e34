name := "hello-play"
scalaVersion := "2.13.14"
