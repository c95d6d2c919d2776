global using Mediator;
