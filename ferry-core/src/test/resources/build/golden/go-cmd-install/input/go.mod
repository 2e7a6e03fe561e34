module github.com/acme/tools

// +heroku install ./cmd/...
go 1.23.1
