module example.com/hello

// +heroku goVersion go1.22
go 1.21
