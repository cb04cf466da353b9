Console.WriteLine("dockctl");
return 0;
