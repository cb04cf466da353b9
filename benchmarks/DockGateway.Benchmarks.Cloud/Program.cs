Console.WriteLine("benchmark");
