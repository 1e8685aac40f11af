print("terroir")
